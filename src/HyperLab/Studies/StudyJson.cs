using System.Text.Json;
using System.Text.Json.Serialization;
using HyperLab.Tracking;

namespace HyperLab.Studies;

/// <summary>
/// The JSON form of studies and their records: the experiment log's format (NaN allowed for a
/// diverged run, enums as strings), so an exported study loads with <see cref="ExperimentLog.Load"/>.
/// </summary>
public static class StudyJson
{
    /// <summary>The serializer options (the same settings as the experiment log's).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A trial record as one line of JSON (no newline).</summary>
    public static string Serialize(TrialRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>A trial record read back.</summary>
    public static TrialRecord DeserializeRecord(string json) =>
        JsonSerializer.Deserialize<TrialRecord>(json, Options) ?? throw new JsonException("The stored trial record is null.");

    /// <summary>A study definition as JSON.</summary>
    public static string Serialize(StudyDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>A study definition read back.</summary>
    public static StudyDefinition DeserializeDefinition(string json) =>
        JsonSerializer.Deserialize<StudyDefinition>(json, Options) ?? throw new JsonException("The stored study definition is null.");
}
