using System.Diagnostics;
using HyperLab.Training;
using Microsoft.DotNet.Interactive.Formatting;

namespace HyperLab.Interactive;

/// <summary>
/// Live training progress in a notebook, like fastprogress: one output per run that updates
/// after every epoch with the epoch, the losses, the time so far and an estimate of the time
/// left. Updates at most once a second. At the end it shrinks to the run's one-line summary: the epoch table
/// is the history's to show (a cell that ends with the history shows it), so it appears once, not twice.
/// A <see cref="Callback"/> of order <see cref="CallbackOrder.Progress"/>: it sees each epoch after the schedule
/// and early stopping, and the final history after the best weights were put back.
/// </summary>
public sealed class LiveProgress : Callback
{
    private DisplayedValue? display;
    private readonly Stopwatch clock = new();
    private readonly Stopwatch sinceUpdate = new();
    private readonly List<EpochRecord> epochs = new();

    /// <inheritdoc/>
    public override int Order => CallbackOrder.Progress;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext fit)
    {
        epochs.Clear();
        clock.Restart();
        sinceUpdate.Restart();
        display = Notebook.Display(Render(fit.Run, done: false));
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext fit, EpochRecord epoch)
    {
        epochs.Add(epoch);
        if (sinceUpdate.Elapsed.TotalSeconds < 1.0) return;
        sinceUpdate.Restart();
        display?.Update(Render(fit.Run, done: false));
    }

    /// <inheritdoc/>
    public override void AfterFit(FitContext fit) =>
        display?.Update(Render(fit.Run, done: true, fit.History));

    private HtmlFragment Render(RunInfo run, bool done, History? history = null)
    {
        int total = run.Hyperparameters.Epochs;
        double elapsed = clock.Elapsed.TotalSeconds;
        string status;
        if (done && history is not null)
            status = $"done: {history.Summary}";
        else
        {
            double left = epochs.Count == 0 ? double.NaN : elapsed / epochs.Count * (total - epochs.Count);
            string eta = double.IsNaN(left) ? "" : $", about {left:0} s left";
            status = $"epoch {epochs.Count}/{total}, {elapsed:0.0} s{eta}";
        }
        string text = $"{run.Label} · {status}";
        if (done) return new HtmlFragment($"<div style=\"font-family:monospace\"><b>{Formatters.E(run.Label)}</b> · {Formatters.E(status)}</div>", text);
        int pct = total == 0 ? 0 : 100 * epochs.Count / total;
        return new HtmlFragment($"<div style=\"font-family:monospace\"><b>{Formatters.E(run.Label)}</b> · {Formatters.E(status)}" +
               $"<div style=\"background:#ddd;width:300px;height:6px\"><div style=\"background:#0072B2;width:{3 * pct}px;height:6px\"></div></div></div>" +
               Formatters.EpochTable(epochs, null, maxRows: 6), text);
    }
}
