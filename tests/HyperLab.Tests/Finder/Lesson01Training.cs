namespace HyperLab.Tests.Finder;

/// <summary>
/// Lesson 01's tests that train run alone, never beside other test classes: TorchSharp's random generator
/// (<c>torch.manual_seed</c>: initial weights, dropout masks) is process-wide, so a parallel run would change
/// a "same seed, same numbers" or "restored exactly" result.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Lesson01Training
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Lesson 01 training (process-wide torch RNG)";
}
