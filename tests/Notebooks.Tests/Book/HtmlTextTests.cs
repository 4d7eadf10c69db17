using Course.Runner;

namespace Notebooks.Tests.Book;

/// <summary>The text form of an HTML output: what a reader would see, one line per row or block.</summary>
public class HtmlTextTests
{
    [Fact]
    public void A_table_becomes_one_line_per_row_and_scripts_and_styles_disappear()
    {
        string html = "<style>td{color:red}</style><div><b>run</b> · done</div><table><tr><th>epoch</th><th>val&nbsp;loss</th></tr>" +
                      "<tr><td>1</td><td>0.5</td></tr></table><script>draw()</script>";

        Assert.Equal("run · done\nepoch  val loss\n1  0.5", HtmlText.From(html));
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis() =>
        Assert.Equal("abc…", HtmlText.From("<p>abcdef</p>", maxLength: 3));
}
