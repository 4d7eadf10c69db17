namespace HyperLab.Finder;

/// <summary>
/// Settings of the learning-rate range test (lesson 01). Every field has a default, so
/// <c>LearningRateFinder.Run(hp, data)</c> needs none; change one with <c>with</c>, e.g.
/// <c>new FinderSettings { EndRate = 1 }</c>.
/// </summary>
public sealed record FinderSettings
{
    /// <summary>Rate of the first mini-batch, &gt; 0. Default 1e-7.</summary>
    public double StartRate { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new HyperparameterException(nameof(StartRate), value, "a positive number", "1e-7"); } = 1e-7;

    /// <summary>Rate of the last mini-batch, &gt; <see cref="StartRate"/>. Default 10.</summary>
    public double EndRate { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new HyperparameterException(nameof(EndRate), value, "a positive number above StartRate", "10"); } = 10;

    /// <summary>Mini-batches (training steps) in the test; the rate grows by the same factor at each,
    /// (End/Start)^(1/(Steps − 1)). At least 10. Default 100: the whole test costs about 100 training steps.</summary>
    public int Steps { get; init => field = value >= 10 ? value : throw new HyperparameterException(nameof(Steps), value, "at least 10", "100"); } = 100;

    /// <summary>β of the bias-corrected exponential moving average of the loss: smoothed_t =
    /// avg_t / (1 − β^t), avg_t = β avg_(t−1) + (1 − β) loss_t. In [0, 1); 0 means no smoothing. Default 0.98.</summary>
    public double Smoothing { get; init => field = value is >= 0 and < 1 ? value : throw new HyperparameterException(nameof(Smoothing), value, "in [0, 1)", "0.98"); } = 0.98;

    /// <summary>The test stops once the smoothed loss exceeds this multiple of its minimum so far
    /// (or the loss is NaN/∞). &gt; 1. Default 4.</summary>
    public double StopFactor { get; init => field = value > 1 && double.IsFinite(value) ? value : throw new HyperparameterException(nameof(StopFactor), value, "a number above 1", "4"); } = 4;

    /// <summary>Points ignored at the start of the curve when suggesting (the bias-corrected average
    /// is still settling there and single mini-batches dominate). At least 0. Default 10 (a tenth of 100 steps, as fastai).</summary>
    public int SkipStart { get; init => field = value >= 0 ? value : throw new HyperparameterException(nameof(SkipStart), value, "0 or more", "10"); } = 10;

    /// <summary>Points ignored at the end of the curve when suggesting (where the loss is blowing up). At least 0. Default 5.</summary>
    public int SkipEnd { get; init => field = value >= 0 ? value : throw new HyperparameterException(nameof(SkipEnd), value, "0 or more", "5"); } = 5;

    /// <summary>The rate of step i (from 0): StartRate × (EndRate / StartRate)^(i / (Steps − 1)).</summary>
    public double RateAt(int i) => StartRate * Math.Pow(EndRate / StartRate, (double)i / (Steps - 1));
}
