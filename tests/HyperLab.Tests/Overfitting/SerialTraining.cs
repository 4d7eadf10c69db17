namespace HyperLab.Tests.Overfitting;

/// <summary>
/// Lesson 03's training tests run alone, never beside other test classes: TorchSharp's random generator
/// (<c>torch.manual_seed</c>, used for initial weights and dropout masks) is process-wide, so a run in
/// parallel would change another test's "same seed, same numbers" history.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTraining
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Lesson 03 training (process-wide torch RNG)";
}
