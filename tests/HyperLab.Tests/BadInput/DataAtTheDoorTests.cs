using HyperLab.Data;
using HyperLab.Finder;
using HyperLab.Models;
using HyperLab.Training;

namespace HyperLab.Tests.BadInput;

/// <summary>"Data at the door": every mistake is caught before the first step, naming set, row, column, value and fix.</summary>
public class DataAtTheDoorTests
{
    [Fact]
    public void An_empty_data_set_is_refused()
    {
        var e = Assert.Throws<BadDataException>(() => new Dataset("Mine", [], [], 2, ["a", "b"]));
        Assert.Equal("Mine", e.Set);
        Assert.Contains("no examples", e.Message);
        Assert.Contains("Fix:", e.Message);
    }

    [Theory]
    [InlineData(2, 0.2, 0.0, "validation")]
    [InlineData(4, 0.2, 0.1, "test")]
    [InlineData(2, 0.5, 0.4, "training")]
    public void A_split_that_leaves_a_part_empty_is_refused(int rows, double validation, double test, string part)
    {
        var data = new Dataset("Tiny", new float[rows], new long[rows], 1, ["only"]);
        var e = Assert.Throws<BadDataException>(() => Splits.Stratified(data, validation, test));
        Assert.Contains($"leaves the {part} part empty", e.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void The_standardizer_names_a_non_finite_value_instead_of_spreading_it(float value)
    {
        var train = Broken.With(Broken.Moons().Train, 5, 1, value);
        var e = Assert.Throws<BadDataException>(() => Standardizer.Fit(train));
        Assert.Equal((5, 1), (e.Row, e.Column));
        Assert.Contains($"row 5, column 1 is {value}", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_nan_training_row_is_named_not_reported_as_divergence(int seed)
    {
        var data = Broken.Moons(seed);
        data = data with { Train = Broken.With(data.Train, 17, 0, float.NaN) };
        var seen = new Broken.Recorder();
        var e = Assert.Throws<BadDataException>(() => Trainer.Fit(Broken.Small with { Seed = seed }, data, new FitOptions { Callbacks = [seen] }));
        Assert.Equal(data.Train.Name, e.Set);
        Assert.Equal(17, e.Row);
        Assert.Equal(0, seen.Started);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    public void A_non_finite_validation_row_stops_the_fit_before_early_stopping_can_restore_the_wrong_epoch(float value)
    {
        var data = Broken.Moons();
        data = data with { Validation = Broken.With(data.Validation, 3, 1, value) };
        var options = new FitOptions { EarlyStopping = new EarlyStopping(2) };
        var e = Assert.Throws<BadDataException>(() => Trainer.Fit(Broken.Small, data, options));
        Assert.Equal(data.Validation.Name, e.Set);
        Assert.Equal((3, 1), (e.Row, e.Column));
    }

    [Fact]
    public void A_validation_set_with_another_feature_count_is_refused_before_training()
    {
        var data = Broken.Moons();
        data = data with { Validation = Broken.WithExtraColumn(data.Validation) };
        var seen = new Broken.Recorder();
        var e = Assert.Throws<BadDataException>(() => Trainer.Fit(Broken.Small, data, new FitOptions { Callbacks = [seen] }));
        Assert.Contains("3 features per example but the training set", e.Message);
        Assert.Equal(0, seen.Started);
    }

    [Fact]
    public void Data_with_more_inputs_than_the_model_is_refused()
    {
        var data = Broken.Moons();
        using var model = Mlp.Create(5, 2, Broken.Small);
        var e = Assert.Throws<BadDataException>(() => Trainer.Fit(model, Broken.Small, data));
        Assert.Contains("2 features per example but the model takes 5 inputs", e.Message);
    }

    [Fact]
    public void Labels_outside_the_models_classes_are_refused_naming_the_row()
    {
        var data = Broken.Moons();
        using var model = Mlp.Create(2, 1, Broken.Small);
        var e = Assert.Throws<BadDataException>(() => Trainer.Fit(model, Broken.Small, data));
        int firstOne = Array.IndexOf(data.Train.Labels, 1L);
        Assert.Equal(firstOne, e.Row);
        Assert.Equal(1L, e.Value);
        Assert.Contains("the model scores only 1 class (labels 0 to 0)", e.Message);
    }

    [Fact]
    public void A_module_that_is_not_an_mlp_is_checked_by_its_linear_layers()
    {
        var data = Broken.Moons();
        using var model = TorchSharp.torch.nn.Sequential(TorchSharp.torch.nn.Linear(4, 8), TorchSharp.torch.nn.ReLU(), TorchSharp.torch.nn.Linear(8, 2));
        var e = Assert.Throws<BadDataException>(() => LearningRateFinder.Run(model, Broken.Small, data));
        Assert.Contains("the model takes 4 inputs", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void The_finder_refuses_a_nan_row_instead_of_suggesting_from_a_cut_curve(int seed)
    {
        var data = Broken.Moons(seed);
        data = data with { Train = Broken.With(data.Train, 40, 1, float.NaN) };
        var e = Assert.Throws<BadDataException>(() => LearningRateFinder.Run(Broken.Small with { Seed = seed }, data));
        Assert.Equal(40, e.Row);
    }

    [Fact]
    public void Clean_data_passes_every_check()
    {
        var data = Broken.Moons();
        using var run = Trainer.Fit(Broken.Small, data);
        Assert.Equal(Broken.Small.Epochs, run.History.Epochs.Count);
        Assert.All(run.History.Epochs, e => Assert.True(double.IsFinite(e.ValidationLoss)));
    }
}
