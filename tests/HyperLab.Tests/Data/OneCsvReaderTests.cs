using System.Text;
using HyperLab.Data;
using HyperLab.Tuning;

namespace HyperLab.Tests.Data;

/// <summary>Every CSV the library reads goes through the one RFC 4180 reader (<c>CsvRecords</c>): the course data's
/// format, <see cref="CsvDataset"/> and <see cref="CsvPreparation"/> all keep a quoted comma, a doubled quote and a
/// line break inside one value, and read CRLF files like LF ones.</summary>
public sealed class OneCsvReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hyperlab-csv1-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_reader_keeps_quoted_commas_quotes_and_line_breaks_and_reads_CRLF()
    {
        var records = CsvRecords.Parse("a,\"b, c\"\r\n\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\n", ',', "t.csv").ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b, c"], records[0].Cells);
        Assert.Equal(["say \"hi\"", "two\r\nlines"], records[1].Cells);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void Quote_writes_what_the_reader_reads_back()
    {
        string[] values = ["plain", "b, c", "say \"hi\"", "two\nlines", " edge "];
        string line = string.Join(',', values.Select(CsvRecords.Quote));

        Assert.Equal(values, CsvRecords.Parse(line, ',', "t.csv").Single().Cells);
        Assert.Equal("plain", CsvRecords.Quote("plain"));
    }

    [Fact]
    public void The_course_data_format_reads_quoted_class_names_and_CRLF()
    {
        string csv = "3,2,\"red, dark\",\"say \"\"white\"\"\"\r\n1.5,2,0\r\n3,4,1\r\n5,6.25,0\r\n";

        var d = DataFormats.ReadCsv("t", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(["red, dark", "say \"white\""], d.ClassNames);
        Assert.Equal(3, d.Count);
        Assert.Equal([1.5f, 2, 3, 4, 5, 6.25f], d.Features);
        Assert.Equal([0L, 1, 0], d.Labels);
    }

    [Fact]
    public void The_course_data_format_still_refuses_a_short_row()
    {
        var e = Assert.Throws<InvalidDataException>(() => DataFormats.ReadCsv("t", Encoding.UTF8.GetBytes("2,2,a,b\n1,2,0\n3,1\n")));
        Assert.Contains("row 2 has 2 fields, expected 3", e.Message);
    }

    [Fact]
    public void CsvDataset_reads_a_CRLF_file_like_an_LF_one()
    {
        var lf = CsvDataset.Load(Write("lf.csv", "\"x, cm\",y\n1,a\n2,\"b, c\"\n"), "y");
        var crlf = CsvDataset.Load(Write("crlf.csv", "\"x, cm\",y\r\n1,a\r\n2,\"b, c\"\r\n"), "y");

        Assert.Equal(lf.Features, crlf.Features);
        Assert.Equal(lf.ClassNames, crlf.ClassNames);
        Assert.Equal(["a", "b, c"], crlf.ClassNames);
    }

    [Fact]
    public void CsvPreparation_keeps_a_quoted_comma_in_one_column_and_writes_it_quoted()
    {
        string source = Write("messy.csv", "x,note,\"width, cm\",y\r\n1,\"red, \"\"dark\"\"\",2,a\r\n3,plain,NA,a\r\n5,\"x,y\",6,b\r\n");

        var profile = CsvPreparation.Inspect(source).ToDictionary(c => c.Column);
        Assert.Equal(["x", "note", "width, cm", "y"], profile.Keys);
        Assert.Equal(3, profile["note"].NotNumbers);
        Assert.Equal(1, profile["width, cm"].Missing);
        Assert.Equal(0, profile["x"].NotNumbers);

        var cleaned = CsvPreparation.Clean(source, ["note"], dropIncompleteRows: true, Path.Combine(folder, "clean.csv"));
        Assert.Equal(2, cleaned.Rows);
        Assert.Equal(1, cleaned.DroppedRows);
        var back = CsvDataset.Load(cleaned.Path, "y");
        Assert.Equal([1f, 2, 5, 6], back.Features);
        Assert.StartsWith("x,\"width, cm\",y", File.ReadAllText(cleaned.Path));
    }
}
