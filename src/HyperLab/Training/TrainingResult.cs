using HyperLab.Models;

namespace HyperLab.Training;

/// <summary>A trained model and the history of its run. The model holds native memory: it is
/// freed when the result is disposed or collected.</summary>
public sealed class TrainingResult(Mlp model, History history) : IDisposable
{
    /// <summary>The trained network (with the best epoch's weights if early stopping restored them).</summary>
    public Mlp Model { get; } = model;

    /// <summary>What the run measured.</summary>
    public History History { get; } = history;

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();

    /// <inheritdoc/>
    public override string ToString() => History.ToString();
}
