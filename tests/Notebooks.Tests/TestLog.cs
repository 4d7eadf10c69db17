using System.Text;

namespace Notebooks.Tests;

/// <summary>A <see cref="TextWriter"/> that sends whole lines to xunit's test output.</summary>
internal sealed class TestLog(ITestOutputHelper output) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written, for assertions.</summary>
    public StringBuilder All { get; } = new();

    public override void Write(char value)
    {
        lock (_line)
        {
            All.Append(value);
            if (value == '\n')
            {
                Emit();
            }
            else if (value != '\r')
            {
                _line.Append(value);
            }
        }
    }

    public override void Flush()
    {
        lock (_line)
        {
            if (_line.Length > 0)
            {
                Emit();
            }
        }
    }

    private void Emit()
    {
        try
        {
            output.WriteLine(_line.ToString());
        }
        catch (InvalidOperationException)
        {
            // the test has finished; nowhere to write
        }

        _line.Clear();
    }
}
