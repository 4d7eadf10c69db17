using TorchSharp;

namespace HyperLab.Training.RaceFree;

/// <summary>
/// Why the course's optimizers exist (docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector). TorchSharp 0.107's optimizers pass numbers
/// such as the learning rate to native code as temporary <see cref="Scalar"/> objects made by an
/// implicit conversion (<c>param.add_(grad, alpha: -lr)</c>). Nothing holds such a temporary once its
/// native handle has been read, so a garbage collection started by another thread may run its
/// finalizer, which frees the native scalar, while the native call still reads it ("Exception raised
/// from toFloat at c10/core/Scalar.h"). The optimizers in this folder create every
/// <see cref="Scalar"/> explicitly, hold it in a <c>using</c> variable for the whole call and dispose
/// it deterministically afterwards, so no finalizer can run early. That includes the hidden ones:
/// TorchSharp's one-argument overloads (<c>add(Tensor)</c>, <c>add_(Scalar)</c>, <c>addcdiv_(a, b)</c>, the
/// <c>+</c> operator) make an implicit alpha of 1 themselves, so only the forms that take every
/// <see cref="Scalar"/> as an argument are called. Each class keeps its TorchSharp
/// name (<see cref="SGD"/>, <see cref="Adam"/>, <see cref="AdamW"/>) because a saved optimizer state
/// starts with the type's name: a state saved by either loads into the other, byte for byte the same.
/// </summary>
internal static class HeldScalars
{
    /// <summary>A <see cref="Scalar"/> for <paramref name="value"/> (float64, the same scalar the implicit
    /// conversion makes, so results are unchanged); the caller holds and disposes it.</summary>
    public static Scalar Hold(double value) => value.ToScalar();
}
