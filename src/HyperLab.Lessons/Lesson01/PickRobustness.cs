using HyperLab.Claims;

namespace HyperLab.Lessons.Lesson01;

/// <summary>
/// Lesson 01's test of a learning-rate pick: whether one unlucky mini-batch (a spike in the finder's curve) moves it.
/// Holds when the pick with the spike lies within <see cref="Tolerance"/>× of the pick without it. The naive steepest
/// pick on the raw curve, fed the same spike, fails.
/// </summary>
/// <param name="What">The pick, e.g. "steepest".</param>
/// <param name="Clean">The rate picked on the clean curve.</param>
/// <param name="Spiked">The rate picked with the spike.</param>
/// <param name="Tolerance">Largest factor either way that counts as "not moved"; default 1.5.</param>
public sealed record SpikeResistance(string What, double Clean, double Spiked, double Tolerance = 1.5) : IEvidence
{
    /// <summary>Spiked / Clean.</summary>
    public double Moved => Spiked / Clean;

    /// <inheritdoc/>
    public bool Holds => double.IsFinite(Moved) && Moved >= 1 / Tolerance && Moved <= Tolerance;

    /// <summary>"steepest 4.04e-3 without the spike, 4.04e-3 with it (moved 1.0×; tolerance 1.5×)".</summary>
    public override string ToString() =>
        $"{What} {Hyperparameters.Fmt(Clean)} without the spike, {Hyperparameters.Fmt(Spiked)} with it (moved {Math.Max(Moved, 1 / Moved):0.0}×; tolerance {Tolerance}×)";
}

/// <summary>
/// Lesson 01's "the naive steepest pick chases single noisy steps": on a raw finder curve it picks a rate at least
/// <see cref="MinFactor"/>× the smoothed steepest pick. On a curve without step noise the two agree and this fails.
/// </summary>
/// <param name="Naive">The naive pick (steepest single step of the raw curve).</param>
/// <param name="Smoothed">The smoothed steepest pick.</param>
/// <param name="MinFactor">Required factor; default 10.</param>
public sealed record NoiseChasing(double Naive, double Smoothed, double MinFactor = 10) : IEvidence
{
    /// <inheritdoc/>
    public bool Holds => Naive >= MinFactor * Smoothed;

    /// <summary>"the naive pick η = 0.351 is 87× the smoothed steepest 4.04e-3 (required: at least 10×)".</summary>
    public override string ToString() =>
        $"the naive pick η = {Hyperparameters.Fmt(Naive)} is {Naive / Smoothed:0.#}× the smoothed steepest {Hyperparameters.Fmt(Smoothed)} (required: at least {MinFactor}×)";
}
