using HyperLab.Data;
using HyperLab.Tracking;

namespace HyperLab.Tests.Tracking;

public class DataRecordTests
{
    [Fact]
    public void A_record_rebuilds_the_same_split_and_a_proxy_keeps_fewer_training_examples()
    {
        var data = TrackingData.Moons(3);
        var a = data.Load();
        var b = (data with { }).Load();
        Assert.Equal(a.Train.Labels, b.Train.Labels);
        Assert.Equal(300, a.Train.Count);
        var proxy = data.Proxy(120, 1).Load();
        Assert.Equal(120, proxy.Train.Count);
        Assert.Equal(a.Validation.Labels, proxy.Validation.Labels);
    }

    [Fact]
    public void A_changed_file_is_refused()
    {
        var data = TrackingData.Moons(4);
        string path = data.Source[4..data.Source.LastIndexOf('#')];
        File.AppendAllText(path, "0.5,0.5,0\n");
        var e = Assert.Throws<InvalidDataException>(() => (data with { SplitSeed = 99 }).Load());
        Assert.Contains("has changed", e.Message);
    }
}
