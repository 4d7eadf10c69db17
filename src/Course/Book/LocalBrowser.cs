using PuppeteerSharp;

namespace Course.Book;

/// <summary>
/// A headless Chromium that is already on the machine (Debian's <c>chromium</c> package), driven with
/// PuppeteerSharp; nothing is downloaded. Used to draw charts as images for the book and to check the site.
/// </summary>
public static class LocalBrowser
{
    /// <summary>The environment variable that names the browser executable, if it is not in a usual place.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    private static readonly string[] Candidates =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The browser executable: <c>CHROMIUM_PATH</c> if set, else the first usual place that exists; null if none.</summary>
    public static string? Find()
    {
        string? chosen = Environment.GetEnvironmentVariable(PathVariable);
        return !string.IsNullOrWhiteSpace(chosen) ? (File.Exists(chosen) ? chosen : null) : Candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>What to do when no browser is found.</summary>
    public static string Missing =>
        $"No Chromium found (looked at {PathVariable} and {string.Join(", ", Candidates)}). " +
        "Install Debian's: sudo apt-get update && sudo apt-get install -y chromium, or set " + PathVariable + " to a Chrome/Chromium executable.";

    /// <summary>Starts the browser headless.</summary>
    /// <exception cref="FileNotFoundException">No browser is installed (<see cref="Missing"/> says how to get one).</exception>
    public static async Task<IBrowser> LaunchAsync()
    {
        string path = Find() ?? throw new FileNotFoundException(Missing);
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Containers run as root without a sandbox and with a small /dev/shm.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"],
        });
    }
}
