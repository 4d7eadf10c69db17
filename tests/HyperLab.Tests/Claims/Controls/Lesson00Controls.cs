using HyperLab.Diagnosis;
using HyperLab.Training;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Negative controls of lesson 00's claims: each check fed an outcome without the effect must fail.</summary>
public class Lesson00Controls
{
    [Fact]
    [NegativeControl("00.2")]
    public void Parameters_that_moved_less_than_ten_updates_worth_fail_the_training_moved_them_check()
    {
        var inert = new ParameterChange([("layer0.weight", 5e-4), ("layer0.bias", 2e-3)], Rate: 1e-3);
        Assert.False(inert.EveryTensorMovedBeyond(10));
        Assert.True((inert with { Changes = [("layer0.weight", 0.1), ("layer0.bias", 0.05)] }).EveryTensorMovedBeyond(10));
    }

    [Theory]
    [NegativeControl("00.4")]
    [InlineData(0.45)]   // a trained model: far below ln 10
    [InlineData(6.0)]    // a badly initialized, confidently wrong one: far above
    public void A_loss_far_from_ln_C_fails_the_chance_loss_check(double loss)
    {
        var check = new ChanceLoss(loss, 10);
        Assert.False(check.Holds);
        Assert.Contains("not within", check.ToString());
        Assert.True(new ChanceLoss(2.31, 10).Holds);
    }

    [Fact]
    [NegativeControl("00.5")]
    public void A_run_whose_loss_stays_up_fails_the_memorize_one_batch_check()
    {
        var stuck = ControlRuns.Steps(Enumerable.Range(0, 150).Select(k => 2.3 - 0.5 * k / 150.0), batch: 32);
        Assert.False(OneBatchMemorized.Of(stuck).Holds);
        var memorized = ControlRuns.Steps(Enumerable.Range(0, 150).Select(k => 2.3 * Math.Exp(-k / 15.0)), batch: 32);
        Assert.True(OneBatchMemorized.Of(memorized).Holds);
    }
}
