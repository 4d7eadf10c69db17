using HyperLab.Lessons.Claims;
using HyperLab.Lessons.Exercises;

namespace HyperLab.Tests.Claims;

[Collection("Console output")]   // one test redirects the console
public class ClaimAndFeedbackTests
{
    [Fact]
    public void A_failed_claim_throws_with_claim_evidence_and_advice()
    {
        var e = Assert.Throws<ClaimFailedException>(() =>
            new Claim(_ => { }).Check("01.9", "the rate diverges", false, "loss stayed at 0.3", ifFails: "try a larger rate"));
        Assert.Contains("✗ the rate diverges: loss stayed at 0.3 [01.9]", e.Message);
        Assert.Contains("try a larger rate", e.Message);
        Assert.False(e.Result.Holds);
    }

    [Fact]
    public void A_passed_claim_is_shown_once_with_a_tick()
    {
        var shown = new List<ClaimResult>();
        new Claim(shown.Add).Check("00.1", "loss falls", true, "2.3 → 0.4");
        var r = Assert.Single(shown);
        Assert.Equal("✓ loss falls: 2.3 → 0.4 [00.1]", r.ToString());
    }

    [Fact]
    public void A_demonstration_is_shown_as_shown_and_still_stops_when_it_does_not_hold()
    {
        var shown = new List<ClaimResult>();
        var claim = new Claim(shown.Add);
        claim.Demonstrate("05.7", "dropout is off in evaluation mode", true, "two evaluations identical");
        Assert.Equal("✓ shown: dropout is off in evaluation mode: two evaluations identical [05.7]", Assert.Single(shown).ToString());
        Assert.Throws<ClaimFailedException>(() => claim.Demonstrate("05.7", "x", false, "y"));
        Assert.Single(shown);
    }

    [Theory]
    [InlineData("5.3")]
    [InlineData("05")]
    [InlineData("the claim")]
    [InlineData("")]
    public void A_malformed_claim_id_is_refused_with_the_expected_form(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => new Claim(_ => { }).Check(id, "c", true, "e"));
        Assert.Contains("\"05.3\"", e.Message);
    }

    [Fact]
    public void Two_sessions_show_their_checks_in_their_own_outputs()
    {
        var first = new List<ClaimResult>();
        var second = new List<FeedbackResult>();
        var a = new LessonSession(new HyperLab.Training.FitOptions(), new Claim(first.Add), new Feedback(_ => { }), "A");
        var b = new LessonSession(new HyperLab.Training.FitOptions(), new Claim(_ => { }), new Feedback(second.Add), "B");
        a.Claim.Check("00.1", "loss falls", true, "2.3 → 0.4");
        b.Exercise.Check("00.ex1", (long?)null, Answers.Updates(100, 10, 1));
        Assert.Single(first);
        Assert.StartsWith("Fill in", Assert.Single(second).Message);
        Assert.Equal("A", a.ToString());
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
        new Feedback(shown.Add).WithinFactor("rate", yours, reference);
        Assert.Equal(correct, Assert.Single(shown).Correct);
    }

    [Fact]
    public void Feedback_survives_a_failing_display()
    {
        var before = Console.Out;
        var written = new StringWriter();
        var feedback = new Feedback(_ => throw new InvalidOperationException("no display"));
        Console.SetOut(written);
        try { feedback.On(false, "yes", "not yet"); }
        finally { Console.SetOut(before); }
        // The learner still gets the hint, as text, with the reason the display failed.
        Assert.Contains("not yet", written.ToString());
        Assert.Contains("display failed: no display", written.ToString());
    }
}
