using System.Globalization;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Early stopping and weight decay both keep the weights smaller than the full unregularized run (lesson 05): the
/// weight norm ‖W‖ of each is below the full run's by more than 2%.
/// </summary>
/// <param name="Full">‖W‖ after the whole budget without regularization.</param>
/// <param name="EarlyStopped">‖W‖ of the early-stopped model (its best epoch restored).</param>
/// <param name="StoppedEpoch">The epoch early stopping kept.</param>
/// <param name="Decayed">‖W‖ of the best weight-decay run.</param>
/// <param name="Decay">That weight decay.</param>
public sealed record SmallerWeights(double Full, double EarlyStopped, int StoppedEpoch, double Decayed, double Decay)
{
    /// <summary>Both below 0.98 × the full run's norm.</summary>
    public bool Holds => EarlyStopped < 0.98 * Full && Decayed < 0.98 * Full;

    /// <summary>"‖W‖: 25 epochs without regularization 20.3; stopped early (epoch 8 kept) 18.0; best weight decay (0.01) 10.6".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return $"‖W‖: the whole budget without regularization {Full.ToString("0.#", inv)}; stopped early (epoch {StoppedEpoch} kept) {EarlyStopped.ToString("0.#", inv)}; " +
               $"best weight decay ({Hyperparameters.Fmt(Decay)}) {Decayed.ToString("0.#", inv)}";
    }
}
