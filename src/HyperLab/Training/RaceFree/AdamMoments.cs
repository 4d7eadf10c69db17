using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Training.RaceFree;

/// <summary>The moment updates and the parameter update that Adam and AdamW share, in TorchSharp's
/// order of operations (so the results are the same bits), with every <see cref="Scalar"/> held.</summary>
internal readonly record struct AdamMoments(double Beta1, double Beta2, double Eps, bool AmsGrad)
{
    /// <summary>The constant scalars of one group's step: β₁, 1−β₁, β₂, 1−β₂, ε and 1. Dispose after the step.</summary>
    internal sealed class Held(AdamMoments m) : IDisposable
    {
        public readonly Scalar Beta1 = HeldScalars.Hold(m.Beta1), OneMinusBeta1 = HeldScalars.Hold(1 - m.Beta1);
        public readonly Scalar Beta2 = HeldScalars.Hold(m.Beta2), OneMinusBeta2 = HeldScalars.Hold(1 - m.Beta2);
        public readonly Scalar Eps = HeldScalars.Hold(m.Eps);
        /// <summary>The alpha of <c>add_(ε)</c>: TorchSharp's one-argument <c>add_(Scalar)</c> makes an implicit
        /// int 1 itself (it races like any other), so the two-argument form is called with this one held.</summary>
        public readonly Scalar One = 1.ToScalar();

        public void Dispose()
        {
            Beta1.Dispose(); OneMinusBeta1.Dispose(); Beta2.Dispose(); OneMinusBeta2.Dispose(); Eps.Dispose(); One.Dispose();
        }
    }

    /// <summary>Creates the group's constant scalars.</summary>
    public Held Hold() => new(this);

    /// <summary>m = β₁·m + (1−β₁)·g; v = β₂·v + (1−β₂)·g²; with AMSGrad the running maximum of v.
    /// Returns the second moment the denominator uses.</summary>
    public Tensor Update(Held s, Tensor expAvg, Tensor expAvgSq, ref Tensor? maxExpAvgSq, Tensor grad)
    {
        expAvg.mul_(s.Beta1).add_(grad, s.OneMinusBeta1);
        expAvgSq.mul_(s.Beta2).addcmul_(grad, grad, s.OneMinusBeta2);
        if (!AmsGrad) return expAvgSq;
        var old = maxExpAvgSq!;
        maxExpAvgSq = maximum(old, expAvgSq).DetachFromDisposeScope();
        old.Dispose();
        return maxExpAvgSq;
    }

    /// <summary>w = w − η/(1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + ε), at step <paramref name="t"/>.</summary>
    public void Apply(Held s, Tensor param, Tensor expAvg, Tensor secondMoment, long t, double lr)
    {
        double biasCorrection1 = 1 - Math.Pow(Beta1, t);
        double biasCorrection2 = 1 - Math.Pow(Beta2, t);
        using var root = HeldScalars.Hold(Math.Sqrt(biasCorrection2));
        using var stepSize = HeldScalars.Hold(-(lr / biasCorrection1));
        // TorchSharp: (v.sqrt() / √bc2).add_(ε): the division in place is the same kernel, one allocation fewer.
        using var denominator = secondMoment.sqrt();
        denominator.div_(root).add_(s.Eps, s.One);
        param.addcdiv_(expAvg, denominator, stepSize);
    }
}
