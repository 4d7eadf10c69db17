namespace HyperLab.Monitoring;

/// <summary>
/// Watches one number after every epoch (lesson 03): the best value so far, its epoch, and how many
/// epochs in a row have passed without an improvement. Early stopping, reduce-on-plateau and the
/// best-weights checkpoint all use it, so "patience" means the same everywhere: the number of
/// epochs in a row without an improvement larger than the minimum change. A NaN never counts as an
/// improvement.
/// </summary>
/// <param name="patience">Epochs without improvement after which <see cref="Observe"/> reports that patience ran out, at least 1.</param>
/// <param name="minDelta">Smallest change that counts as an improvement, at least 0.</param>
/// <param name="higherIsBetter">True for accuracy, false for losses.</param>
/// <param name="startFromEpoch">Epochs up to this one are ignored (a warm-up); default 0.</param>
public sealed class MetricMonitor(int patience, double minDelta, bool higherIsBetter, int startFromEpoch = 0)
{
    /// <summary>The best epoch so far (0 before any).</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The value at <see cref="BestEpoch"/> (NaN before any).</summary>
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>Epochs in a row since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>Records one epoch's value. Returns whether it is the new best (its weights are worth
    /// keeping) and whether patience has run out (stop, or lower the rate).</summary>
    public (bool IsBest, bool PatienceRanOut) Observe(int epoch, double value)
    {
        if (epoch <= startFromEpoch) return (false, false);
        bool improved = !double.IsNaN(value) && (BestEpoch == 0 ||
            (higherIsBetter ? value > BestValue + minDelta : value < BestValue - minDelta));
        if (improved)
        {
            BestValue = value;
            BestEpoch = epoch;
            Wait = 0;
            return (true, false);
        }
        Wait++;
        return (false, Wait >= patience);
    }

    /// <summary>Starts counting again from zero (after the rate was lowered), keeping the best value.</summary>
    public void ResetWait() => Wait = 0;
}
