using HyperLab.Data;

namespace HyperLab.Tests.Data;

/// <summary>The CSV reader's edges, where a learner's own file most often differs from ours: numeric labels, RFC 4180 quoting, ';' separators, decimal commas and
/// one-class files, each refused with the fix in the message.</summary>
public sealed class CsvReaderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hyperlab-csv-" + Guid.NewGuid().ToString("N"));

    public CsvReaderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string text)
    {
        string path = Path.Combine(folder, "mine.csv");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Numeric_labels_are_compared_as_numbers_so_1_and_1_point_0_are_one_class()
    {
        var d = CsvDataset.Load(File("a,b,y\n1,2,1\n3,4,1.0\n5,6,0\n7,8,1e0\n9,10,2.50\n"), "y");
        Assert.Equal(["0", "1", "2.5"], d.ClassNames);
        Assert.Equal([1L, 1, 0, 1, 2], d.Labels);
    }

    [Fact]
    public void Text_labels_stay_text()
    {
        var d = CsvDataset.Load(File("a,y\n1,b\n2,a\n3,1\n"), "y");
        Assert.Equal(["1", "a", "b"], d.ClassNames);
    }

    [Fact]
    public void Quoted_values_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        var d = CsvDataset.Load(File("\"width, cm\",a,y\n\"1.5\",2,\"big, \"\"red\"\"\"\n 3 , 4 ,\"two\nlines\"\n5,6,plain\n"), "y");
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.FeatureCount);
        Assert.Equal(["big, \"red\"", "plain", "two\nlines"], d.ClassNames);
        Assert.Equal([1.5f, 2, 3, 4, 5, 6], d.Features);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opens_on()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(File("a,y\n1,x\n2,\"oops\n3,z\n"), "y"));
        Assert.Equal(3, e.Line);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void A_file_separated_by_semicolons_says_so_and_how_to_load_it()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(File("a;b;y\n1.5;2;0\n3;4;1\n"), "y"));
        Assert.Contains("separates its values with ';'", e.Message);
        Assert.Contains("CsvDataset.Load(path, \"y\", separator: ';')", e.Message);
        Assert.Equal(3, CsvDataset.Load(Path.Combine(folder, "mine.csv"), "y", separator: ';').FeatureCount + 1);
    }

    [Fact]
    public void A_decimal_comma_is_named_with_its_cell_and_the_fix()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(File("a;b;y\n1,5;2;0\n3;4;1\n"), "y", separator: ';'));
        Assert.Equal("a", e.Column);
        Assert.Equal(2, e.Line);
        Assert.Contains("'1,5' uses a decimal comma", e.Message);
        Assert.Contains("decimal point", e.Message);
    }

    [Fact]
    public void Unquoted_decimal_commas_in_a_comma_file_get_a_hint_beside_the_cell_count()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(File("a,b,y\n1,5,2,5,0\n"), "y"));
        Assert.Contains("the line has 5 cells, the header has 3 columns", e.Message);
        Assert.Contains("decimal comma", e.Message);
        Assert.Contains("double quotes", e.Message);
    }

    [Fact]
    public void A_file_with_one_class_is_refused_naming_the_label_column()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(File("a,b,y\n1,2,1\n3,4,1.0\n"), "y"));
        Assert.Equal("y", e.Column);
        Assert.Contains("label '1'", e.Message);
        Assert.Contains("at least two classes", e.Message);
    }

    [Fact]
    public void What_Save_writes_Load_reads_back_also_names_that_need_quotes()
    {
        var d = new Dataset("t", [0.5f, 1, 2, 3, 4, 5], [1, 0, 2], 2, ["big, \"red\"", "no", " two\nlines"]);
        string path = Path.Combine(folder, "saved.csv");
        CsvDataset.Save(d, path, ["width, cm", "q"]);
        var back = CsvDataset.Load(path, "label");
        Assert.Equal(d.Features, back.Features);
        Assert.Equal(d.Labels.Select(l => d.ClassNames[(int)l]), back.Labels.Select(l => back.ClassNames[(int)l]));
    }
}
