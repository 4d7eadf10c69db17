using HyperLab.Data;
using HyperLab.Finder;
using HyperLab.Training;

namespace HyperLab.Tests.BadInput;

/// <summary>Data that trains "successfully" to meaningless numbers is refused before the first step.</summary>
public class EdgeDataTests
{
    private static DataSplits OneClass()
    {
        var moons = Broken.Moons();
        Dataset Same(Dataset d) => new(d.Name, d.Features, new long[d.Count], d.FeatureCount, d.ClassNames);
        return new DataSplits(Same(moons.Train), moons.Validation, null);
    }

    [Fact]
    public void A_training_set_of_one_class_is_refused_before_the_first_step()
    {
        var seen = new Broken.Recorder();
        var e = Assert.Throws<BadDataException>(() => Trainer.Fit(Broken.Small, OneClass(), new FitOptions { Callbacks = [seen] }).Dispose());
        Assert.Contains("have label 0 (", e.Message);
        Assert.Contains("accuracy 1 without learning anything", e.Message);
        Assert.Contains("at least two classes", e.Fix);
        Assert.Equal(0, seen.Started);
    }

    [Fact]
    public void The_finder_refuses_one_class_one_row_and_constant_features()
    {
        Assert.Contains("at least two classes", Assert.Throws<BadDataException>(() => LearningRateFinder.Run(Broken.Small, OneClass())).Fix);

        var moons = Broken.Moons();
        var one = moons.Train.Select([0, 1], "One row").Select([0]);
        var e = Assert.Throws<BadDataException>(() => LearningRateFinder.Run(Broken.Small, new DataSplits(one, moons.Validation, null)));
        Assert.Contains("it has 1 example", e.Message);
        Assert.Contains("whole training set", e.Fix);

        var constant = new Dataset("Constant", Enumerable.Repeat(3f, moons.Train.Features.Length).ToArray(), moons.Train.Labels, 2, moons.Train.ClassNames);
        e = Assert.Throws<BadDataException>(() => LearningRateFinder.Run(Broken.Small, new DataSplits(constant, moons.Validation, null)));
        Assert.Contains("every feature is the same", e.Message);
        Assert.Contains("column 0 is always 3", e.Message);
        Assert.Equal(3f, e.Value);

        // The finder still runs on a set where one column varies.
        var oneVaries = Broken.With(constant, 5, 1, 4f);
        Assert.NotNull(LearningRateFinder.Run(Broken.Small, new DataSplits(oneVaries, moons.Validation, null), new FinderSettings { Steps = 10 }));
    }
}
