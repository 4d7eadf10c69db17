using HyperLab.Data;

namespace HyperLab.Lessons.Lesson03;

/// <summary>
/// A data set built by <see cref="OverfitRecipe.Build"/> (lesson 03): the splits to train on, and what was
/// done to make them, so the setup can be reproduced and the damage counted.
/// </summary>
/// <param name="Recipe">The recipe followed.</param>
/// <param name="SourceName">The source data set's name, e.g. "Digits".</param>
/// <param name="Seed">The seed that drew the examples and the wrong labels.</param>
/// <param name="Data">Training set (with the wrong labels) and clean validation set.</param>
/// <param name="CleanTrain">The same training examples with their true labels (to count or study the damage).</param>
/// <param name="WrongLabels">How many training labels were changed.</param>
public sealed record OverfitSetup(OverfitRecipe Recipe, string SourceName, int Seed, DataSplits Data, Dataset CleanTrain, int WrongLabels)
{
    /// <summary>The rows of the training set whose label was changed, in order.</summary>
    public IReadOnlyList<int> WrongLabelRows() =>
        Enumerable.Range(0, CleanTrain.Count).Where(i => Data.Train.Labels[i] != CleanTrain.Labels[i]).ToList();

    /// <summary>"Digits, seed 3: 300 training examples (20% wrong labels: 60 changed), 1,200 clean validation
    /// examples, standardized"; with the recipe's steps this is enough to rebuild the setup.</summary>
    public override string ToString() =>
        $"{SourceName}, seed {Seed}: {Recipe.Describe(WrongLabels)}";
}
