namespace HyperLab.Lessons.Lesson01;

/// <summary>
/// The simplest landscape with a single lowest point (lesson 01, "walking downhill"): the bowl
/// L(w) = ½ (λ₁ w₁² + λ₂ w₂²), lowest at (0, 0). λ₁ and λ₂ are its curvatures: how fast the slope
/// changes along each axis. Gradient descent multiplies coordinate i by (1 − η λᵢ) at every step, so
/// it converges exactly when |1 − η λᵢ| &lt; 1 for both axes, that is 0 &lt; η &lt; 2 / max λ
/// (<see cref="StabilityLimit"/>); between 1/λ and 2/λ the coordinate flips sign every step (it
/// oscillates across the valley) while still shrinking.
/// </summary>
/// <param name="Shallow">Curvature λ₁ of the gentle axis, &gt; 0. The lesson uses 1.</param>
/// <param name="Steep">Curvature λ₂ of the steep axis, ≥ <paramref name="Shallow"/>. The lesson uses 10.</param>
public sealed record QuadraticBowl(double Shallow, double Steep)
{
    /// <summary>Curvature of the gentle axis.</summary>
    public double Shallow { get; init => field = CheckShallow(value, Steep); } = CheckShallow(Shallow, 0);

    /// <summary>Curvature of the steep axis.</summary>
    public double Steep { get; init => field = CheckSteep(value, Shallow); } = CheckSteep(Steep, Shallow);

    // Steep is 0 only while the positional constructor is still setting Shallow.
    private static double CheckShallow(double value, double steep) => value > 0 && double.IsFinite(value) && (steep == 0 || value <= steep) ? value
        : throw new HyperparameterException(nameof(Shallow), value, steep == 0 ? "a positive, finite curvature" : $"a positive curvature no larger than Steep ({steep:G4})", "1");

    private static double CheckSteep(double value, double shallow) => value >= shallow && value > 0 && double.IsFinite(value) ? value
        : throw new HyperparameterException(nameof(Steep), value, $"a finite curvature at least Shallow ({shallow:G4})", "10");

    /// <summary>The largest rate that does not diverge: 2 / λ₂. At exactly this rate the steep
    /// coordinate bounces between +w and −w forever.</summary>
    public double StabilityLimit => 2 / Steep;

    /// <summary>The rate that shrinks both axes equally fast, 2 / (λ₁ + λ₂) (the best constant rate on this bowl).</summary>
    public double BestRate => 2 / (Shallow + Steep);

    /// <summary>The loss L(w) = ½ (λ₁ x² + λ₂ y²).</summary>
    public double Loss(double x, double y) => 0.5 * (Shallow * x * x + Steep * y * y);

    /// <summary>The gradient ∇L = (λ₁ x, λ₂ y).</summary>
    public (double X, double Y) Gradient(double x, double y) => (Shallow * x, Steep * y);

    /// <summary>How much one step at <paramref name="rate"/> multiplies the distance to the bottom along the
    /// slowest axis: max over i of |1 − η λᵢ|. Below 1 converges, above 1 diverges.</summary>
    public double Contraction(double rate) => Math.Max(Math.Abs(1 - rate * Shallow), Math.Abs(1 - rate * Steep));

    /// <summary>"bowl λ = 1 and 10 (2/λ = 0.2)".</summary>
    public override string ToString() => $"bowl λ = {Shallow:G4} and {Steep:G4} (2/λ = {StabilityLimit:G4})";
}
