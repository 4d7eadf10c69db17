using HyperLab.Lessons.Claims;
using HyperLab.Lessons.Exercises;

namespace HyperLab.Tests.Claims;

[Collection("Console output")]   // Claim.Show and Feedback.Show are process-wide
public class ClaimAndFeedbackTests
{
    [Fact]
    public void A_failed_claim_throws_with_claim_evidence_and_advice()
    {
        var e = Assert.Throws<ClaimFailedException>(() =>
            Claim.Check("01.9", "the rate diverges", false, "loss stayed at 0.3", ifFails: "try a larger rate"));
        Assert.Contains("✗ the rate diverges: loss stayed at 0.3 [01.9]", e.Message);
        Assert.Contains("try a larger rate", e.Message);
        Assert.False(e.Result.Holds);
    }

    [Fact]
    public void A_passed_claim_is_shown_once_with_a_tick()
    {
        var shown = new List<ClaimResult>();
        var previous = Claim.Show;
        Claim.Show = shown.Add;
        try { Claim.Check("00.1", "loss falls", true, "2.3 → 0.4"); }
        finally { Claim.Show = previous; }
        var r = Assert.Single(shown);
        Assert.Equal("✓ loss falls: 2.3 → 0.4 [00.1]", r.ToString());
    }

    [Fact]
    public void A_demonstration_is_shown_as_shown_and_still_stops_when_it_does_not_hold()
    {
        var shown = new List<ClaimResult>();
        var previous = Claim.Show;
        Claim.Show = shown.Add;
        try { Claim.Demonstrate("05.7", "dropout is off in evaluation mode", true, "two evaluations identical"); }
        finally { Claim.Show = previous; }
        Assert.Equal("✓ shown: dropout is off in evaluation mode: two evaluations identical [05.7]", Assert.Single(shown).ToString());
        Assert.Throws<ClaimFailedException>(() => Claim.Demonstrate("05.7", "x", false, "y"));
    }

    [Theory]
    [InlineData("5.3")]
    [InlineData("05")]
    [InlineData("the claim")]
    [InlineData("")]
    public void A_malformed_claim_id_is_refused_with_the_expected_form(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => Claim.Check(id, "c", true, "e"));
        Assert.Contains("\"05.3\"", e.Message);
    }

    [Theory]
    [InlineData(1e-3, 1e-3, true)]
    [InlineData(2.9e-3, 1e-3, true)]
    [InlineData(3.1e-3, 1e-3, false)]
    [InlineData(0.34e-3, 1e-3, true)]
    [InlineData(0.3e-3, 1e-3, false)]
    [InlineData(-1, 1e-3, false)]
    [InlineData(double.NaN, 1e-3, false)]
    public void Feedback_within_a_factor_never_throws_and_judges_on_a_log_scale(double yours, double reference, bool correct)
    {
        var shown = new List<FeedbackResult>();
        var previous = Feedback.Show;
        Feedback.Show = shown.Add;
        try { Feedback.WithinFactor("rate", yours, reference); }
        finally { Feedback.Show = previous; }
        Assert.Equal(correct, Assert.Single(shown).Correct);
    }

    [Fact]
    public void Feedback_survives_a_failing_display()
    {
        var previous = Feedback.Show;
        var before = Console.Out;
        var written = new StringWriter();
        Feedback.Show = _ => throw new InvalidOperationException("no display");
        Console.SetOut(written);
        try { Feedback.On(false, "yes", "not yet"); }
        finally { Feedback.Show = previous; Console.SetOut(before); }
        // The learner still gets the hint, as text, with the reason the display failed.
        Assert.Contains("not yet", written.ToString());
        Assert.Contains("display failed: no display", written.ToString());
    }
}
