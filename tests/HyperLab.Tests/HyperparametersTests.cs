namespace HyperLab.Tests;

public class HyperparametersTests
{
    public static TheoryData<string, Func<Hyperparameters>, string> Invalid => new()
    {
        { "LearningRate", () => new Hyperparameters { LearningRate = 0 }, "1e-3" },
        { "LearningRate", () => new Hyperparameters { LearningRate = -0.1 }, "1e-3" },
        { "LearningRate", () => new Hyperparameters { LearningRate = double.NaN }, "1e-3" },
        { "BatchSize", () => new Hyperparameters { BatchSize = 0 }, "64" },
        { "Epochs", () => new Hyperparameters { Epochs = 0 }, "10" },
        { "Depth", () => new Hyperparameters { Depth = -1 }, "2" },
        { "Width", () => new Hyperparameters { Width = 0 }, "128" },
        { "WeightDecay", () => new Hyperparameters { WeightDecay = -1e-4 }, "1e-4" },
        { "L1", () => new Hyperparameters { L1 = 11 }, "1e-5" },
        { "Dropout", () => new Hyperparameters { Dropout = 1.0 }, "0.2" },
        { "Patience", () => new Hyperparameters { Patience = 0 }, "5" },
        { "Seed", () => new Hyperparameters { Seed = -3 }, "0" },
        { "MaxShift", () => new Hyperparameters { Augmentation = new Augmentation(MaxShift: 9) }, "2" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_values_are_rejected_with_a_teaching_message(string field, Func<Hyperparameters> make, string suggestion)
    {
        var e = Assert.Throws<HyperparameterException>(make);
        Assert.Equal(field, e.Field);
        Assert.StartsWith($"{field} = ", e.Message);
        Assert.Contains("must be", e.Message);                         // the valid range
        Assert.Contains($"A sensible starting value is {suggestion}", e.Message);
    }

    [Fact]
    public void With_rejects_bad_values_too()
    {
        var baseline = new Hyperparameters();
        var e = Assert.Throws<HyperparameterException>(() => baseline with { BatchSize = -5 });
        Assert.Contains("BatchSize = -5", e.Message);
        Assert.Contains("from 1 to 1,000,000", e.Message);
    }

    [Fact]
    public void Defaults_and_log_line()
    {
        var hp = new Hyperparameters();
        Assert.Equal("lr=1e-3 batch=64 epochs=10 depth=2 width=128 wd=0 opt=AdamW seed=0", hp.ToString());
        Assert.Equal("lr=3e-3 batch=64 epochs=10 depth=2 width=128 wd=1e-4 dropout=0.2 opt=AdamW seed=0",
            (hp with { LearningRate = 3e-3, WeightDecay = 1e-4, Dropout = 0.2 }).ToString());
    }

    [Fact]
    public void Records_compare_by_value()
    {
        Assert.Equal(new Hyperparameters { LearningRate = 0.01 }, new Hyperparameters() with { LearningRate = 0.01 });
    }
}
