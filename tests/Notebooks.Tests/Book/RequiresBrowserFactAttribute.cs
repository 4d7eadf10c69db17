using Course.Book;

namespace Notebooks.Tests.Book;

/// <summary>A test that needs a local Chromium: skipped, visibly, where none is installed, unless
/// <c>COURSE_REQUIRE_BROWSER=1</c> (CI sets it), where it runs and fails saying how to install one.</summary>
public sealed class RequiresBrowserFactAttribute : FactAttribute
{
    /// <summary>The environment variable that turns the skip into a failure.</summary>
    public const string RequireVariable = "COURSE_REQUIRE_BROWSER";

    public RequiresBrowserFactAttribute()
    {
        if (LocalBrowser.Find() is null && Environment.GetEnvironmentVariable(RequireVariable) != "1")
            Skip = LocalBrowser.Missing + $" (set {RequireVariable}=1 to fail instead of skipping)";
    }
}
