using System.Globalization;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// The same weight-decay number under Adam + L2 and under AdamW (lesson 05): how much each shrinks the trained weight
/// norm ‖W‖ against the same run without decay. The claim is that the number an L2 penalty needs is a much weaker
/// decay under AdamW: Adam + L2 shrinks the norm by more than a fifth and by at least 5× as much as AdamW does.
/// </summary>
/// <param name="Decay">The weight-decay number both runs used.</param>
/// <param name="NoDecayNorm">‖W‖ of the run without decay.</param>
/// <param name="L2Norm">‖W‖ of the Adam + L2 run.</param>
/// <param name="DecoupledNorm">‖W‖ of the AdamW run.</param>
public sealed record DecayStrength(double Decay, double NoDecayNorm, double L2Norm, double DecoupledNorm)
{
    /// <summary>Fraction by which Adam + L2 shrank the norm: 1 − ‖W‖(L2) / ‖W‖(none).</summary>
    public double L2Shrink => 1 - L2Norm / NoDecayNorm;

    /// <summary>Fraction by which AdamW shrank the norm: 1 − ‖W‖(AdamW) / ‖W‖(none).</summary>
    public double DecoupledShrink => 1 - DecoupledNorm / NoDecayNorm;

    /// <summary>Adam + L2 shrank the norm by more than 20% and by at least 5× as much as AdamW (whose shrink may be ~0).</summary>
    public bool Holds => NoDecayNorm > 0 && L2Shrink > 0.2 && L2Shrink >= 5 * Math.Abs(DecoupledShrink);

    /// <summary>"λ = 0.01: ‖W‖ 20.3 without decay, 10.2 with Adam + L2 (−50%), 20.1 with AdamW (−1%)".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return $"λ = {Hyperparameters.Fmt(Decay)}: ‖W‖ {NoDecayNorm.ToString("0.#", inv)} without decay, {L2Norm.ToString("0.#", inv)} with Adam + L2 " +
               $"({(-L2Shrink).ToString("+0%;−0%", inv)}), {DecoupledNorm.ToString("0.#", inv)} with AdamW ({(-DecoupledShrink).ToString("+0.#%;−0.#%", inv)})";
    }
}
