using System.Text;
using HyperLab.Platform;

namespace HyperLab.Tests.Platform;

public class HostLibStdCxxTests
{
    [Fact]
    public void Versions_are_read_from_the_library_bytes_and_ordered_numerically()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("xx\0GLIBCXX_3.4.9\0GLIBCXX_3.4\0GLIBCXX_3.4.30\0GLIBCXX_3.4.29\0GLIBCXX_TUNABLES\0");

        var host = new HostLibStdCxx("/lib/libstdc++.so.6", HostLibStdCxx.ReadVersions(bytes));

        Assert.Equal("GLIBCXX_3.4.30", host.Highest);
        Assert.True(host.Has("GLIBCXX_3.4.30"));
        Assert.True(host.Has("GLIBCXX_3.4"));
        Assert.False(host.Has("GLIBCXX_3.4.32"));
    }

    [NotLinuxFact]
    public void Off_Linux_no_libstdcxx_is_reported() => Assert.Null(HostLibStdCxx.Find());

    [LinuxFact]
    public void The_library_this_process_loaded_is_found_on_Linux()
    {
        var host = HostLibStdCxx.Find();
        Assert.NotNull(host);
        Assert.Contains("libstdc++", host.Path);
        Assert.StartsWith("GLIBCXX_3.4.", host.Highest);
    }
}
