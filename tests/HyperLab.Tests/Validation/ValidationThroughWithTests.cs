using HyperLab.Lessons.Lesson01;
using HyperLab.Lessons.Lesson02;
using HyperLab.Schedules;
using HyperLab.Training;

namespace HyperLab.Tests.Validation;

/// <summary>Every configuration record checks its values when they are set, so <c>with</c> and object
/// initializers cannot slip a bad value past the constructor's checks.</summary>
public class ValidationThroughWithTests
{
    private static void Refused(Func<object> make, string field)
    {
        var e = Assert.ThrowsAny<HyperparameterException>(make);
        Assert.Equal(field, e.Field);
        Assert.Contains("sensible starting value", e.Message);
    }

    [Fact]
    public void Augmentation_refuses_bad_values_through_with()
    {
        Refused(() => Augmentation.None with { MaxShift = 50 }, "MaxShift");
        Refused(() => Augmentation.None with { Noise = double.NaN }, "Noise");
        Refused(() => Augmentation.None with { Noise = -0.1 }, "Noise");
        Assert.Equal(2, (Augmentation.None with { MaxShift = 2 }).MaxShift);
    }

    [Fact]
    public void UpdatePlan_RateScaling_and_QuadraticBowl_refuse_bad_values_through_with()
    {
        Refused(() => new UpdatePlan(100, 10) with { BatchSize = 0 }, "BatchSize");
        Refused(() => new UpdatePlan(100, 10) with { Examples = -1 }, "Examples");
        Refused(() => RateScaling.Linear(64, 1e-3) with { ReferenceBatch = 0 }, "ReferenceBatch");
        Refused(() => RateScaling.Linear(64, 1e-3) with { ReferenceRate = double.PositiveInfinity }, "ReferenceRate");
        Refused(() => RateScaling.Linear(64, 1e-3) with { Rule = (ScalingRule)42 }, "Rule");
        Refused(() => new QuadraticBowl(1, 10) with { Steep = 0.5 }, "Steep");
        Refused(() => new QuadraticBowl(1, 10) with { Shallow = 20 }, "Shallow");
        Refused(() => new QuadraticBowl(1, 10) with { Shallow = double.NaN }, "Shallow");
        Assert.Equal(4, (new QuadraticBowl(1, 10) with { Shallow = 4 }).Shallow);
    }

    [Fact]
    public void FitOptions_refuse_an_explode_factor_that_marks_healthy_runs_diverged_and_a_zero_step_budget()
    {
        Refused(() => new FitOptions { ExplodeFactor = 0 }, "ExplodeFactor");
        Refused(() => new FitOptions { ExplodeFactor = 1 }, "ExplodeFactor");
        Refused(() => new FitOptions() with { MaxSteps = 0 }, "MaxSteps");
        Assert.Equal(double.PositiveInfinity, new FitOptions { ExplodeFactor = double.PositiveInfinity }.ExplodeFactor);
        Assert.Null(new FitOptions { MaxSteps = null }.MaxSteps);
    }

    [Fact]
    public void EarlyStopping_refuses_an_infinite_min_delta_and_an_undefined_metric()
    {
        Refused(() => new EarlyStopping(MinDelta: double.PositiveInfinity), "MinDelta");
        Refused(() => new EarlyStopping() with { MinDelta = double.NaN }, "MinDelta");
        Refused(() => new EarlyStopping(Monitor: (Metric)7), "Monitor");
        Refused(() => new EarlyStopping() with { Patience = 0 }, "Patience");
    }

    [Fact]
    public void Undefined_enum_values_are_refused_instead_of_training_as_something_else()
    {
        Refused(() => new Hyperparameters { Optimizer = (OptimizerKind)99 }, "Optimizer");
        Refused(() => new Hyperparameters() with { Activation = (Activation)99 }, "Activation");
        Refused(() => new Hyperparameters() with { Normalization = (Normalization)(-1) }, "Normalization");
    }

    [Fact]
    public void Plateau_patience_is_checked_through_with()
    {
        Refused(() => Schedule.ReduceOnPlateau() with { Patience = 0 }, "Patience");
        Refused(() => Schedule.ReduceOnPlateau() with { Factor = 1 }, "Factor");
    }
}
