using HyperLab.Models;
using HyperLab.Tests.Training;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

public class TestSetTests
{
    [Fact]
    public void The_test_set_can_be_looked_at_once_and_a_second_look_throws_a_clear_error()
    {
        var data = TinyData.Moons();
        using var model = Mlp.Create(2, 2, new Hyperparameters { Depth = 1, Width = 8 });
        var guard = new TestSet(data.Validation);
        Assert.False(guard.Used);
        var result = guard.Evaluate(model);
        Assert.True(guard.Used);
        Assert.InRange(result.Accuracy, 0, 1);
        var e = Assert.Throws<TestSetAlreadyUsedException>(() => guard.Evaluate(model));
        Assert.Equal(result, e.First);
        Assert.Contains("already evaluated", e.Message);
        Assert.Contains(result.Accuracy.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.True(new TestSet(data.Validation).Evaluate(model) is { });   // a new guard is a deliberate new look
    }
}
