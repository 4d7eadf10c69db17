using HyperLab.Data;
using HyperLab.Lessons.Lesson03;
using HyperLab.Training;

namespace HyperLab.Tests.Overfitting;

public class OverfitRecipeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Build_makes_exact_counts_and_changes_exactly_the_stated_share_of_training_labels(int seed)
    {
        var setup = OverfitData.Lesson(seed);
        Assert.Equal(300, setup.Data.Train.Count);
        Assert.Equal(1200, setup.Data.Validation.Count);
        Assert.Null(setup.Data.Test);
        Assert.Equal(60, setup.WrongLabels);                       // round(0.2 × 300)
        var rows = setup.WrongLabelRows();
        Assert.Equal(60, rows.Count);
        Assert.All(rows, i => Assert.NotEqual(setup.CleanTrain.Labels[i], setup.Data.Train.Labels[i]));
        Assert.Equal(setup.CleanTrain.Features, setup.Data.Train.Features);
        Assert.All(setup.CleanTrain.ClassCounts(), n => Assert.InRange(n, 29, 31));   // class-balanced (Digits' classes differ by a few) before the noise
    }

    [Fact]
    public void Validation_labels_stay_clean_and_match_a_noise_free_build()
    {
        var noisy = new OverfitRecipe().Build(CourseData.Digits(), 3);
        var clean = new OverfitRecipe(LabelNoise: 0).Build(CourseData.Digits(), 3);
        Assert.Equal(0, clean.WrongLabels);
        Assert.Equal(clean.Data.Validation.Labels, noisy.Data.Validation.Labels);
        Assert.Equal(clean.Data.Validation.Features, noisy.Data.Validation.Features);
        Assert.Equal(clean.Data.Train.Labels, noisy.CleanTrain.Labels);
    }

    [Fact]
    public void Training_and_validation_examples_are_disjoint()
    {
        // One feature holding the row number, so every example is unique and traceable.
        var source = new Dataset("Numbered", Enumerable.Range(0, 2000).Select(i => (float)i).ToArray(),
            Enumerable.Range(0, 2000).Select(i => (long)(i % 10)).ToArray(), 1, Enumerable.Range(0, 10).Select(c => $"c{c}").ToArray());
        var setup = new OverfitRecipe(Standardize: false).Build(source, 1);
        var train = setup.Data.Train.Features.ToHashSet();
        var validation = setup.Data.Validation.Features.ToHashSet();
        Assert.Equal(300, train.Count);
        Assert.Equal(1200, validation.Count);
        Assert.Empty(train.Intersect(validation));
    }

    [Fact]
    public void Standardize_uses_training_statistics()
    {
        var setup = OverfitData.Lesson(2);
        var train = setup.Data.Train;
        for (int j = 0; j < train.FeatureCount; j += 9)
        {
            double mean = Enumerable.Range(0, train.Count).Average(i => train.Row(i)[j]);
            Assert.InRange(mean, -1e-4, 1e-4);
        }
    }

    [Fact]
    public void Same_seed_same_setup_other_seed_other_setup()
    {
        var a = OverfitData.Lesson(4);
        var b = OverfitData.Lesson(4);
        var c = OverfitData.Lesson(5);
        Assert.Equal(a.Data.Train.Labels, b.Data.Train.Labels);
        Assert.Equal(a.Data.Train.Features, b.Data.Train.Features);
        Assert.NotEqual(a.Data.Train.Features, c.Data.Train.Features);
        Assert.Equal(a.ToString(), b.ToString());
    }

    [Fact]
    public void ToString_says_how_to_rebuild_the_setup()
    {
        var text = OverfitData.Lesson(3).ToString();
        Assert.Contains("Digits", text);
        Assert.Contains("seed 3", text);
        Assert.Contains("300 training examples", text);
        Assert.Contains("20% wrong labels: 60 changed", text);
        Assert.Contains("1,200 clean validation examples", text);
    }

    [Fact]
    public void Bad_values_are_refused_with_the_field_named()
    {
        Assert.Equal("TrainCount", Assert.Throws<HyperparameterException>(() => new OverfitRecipe(TrainCount: 5)).Field);
        Assert.Equal("LabelNoise", Assert.Throws<HyperparameterException>(() => new OverfitRecipe() with { LabelNoise = 1.0 }).Field);
        Assert.Equal("ValidationCount", Assert.Throws<HyperparameterException>(() => new OverfitRecipe() with { ValidationCount = 0 }).Field);
        Assert.Throws<ArgumentException>(() => new OverfitRecipe(TrainCount: 1000, ValidationCount: 1000).Build(CourseData.Digits(), 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void The_large_model_overfits_the_setup_validation_minimum_inside_the_run_while_training_keeps_improving(int seed)
    {
        var data = OverfitData.Lesson(seed).Data;
        using var run = Trainer.Fit(OverfitRecipe.LargeModel with { Epochs = 30, Seed = seed }, data);
        var h = run.History;
        var best = h.BestEpoch!;
        var last = h.Epochs[^1];
        Assert.InRange(best.Epoch, 2, h.Epochs.Count - 1);                          // strictly inside the run
        Assert.True(last.ValidationLoss > 1.2 * best.ValidationLoss, h.ToString());  // validation turned up clearly
        Assert.True(last.TrainLoss < 0.5 * best.TrainLoss, h.ToString());            // while training kept improving
    }
}
