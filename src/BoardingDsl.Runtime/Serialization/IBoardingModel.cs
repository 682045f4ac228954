using System.Text.Json;

namespace BoardingDsl.Serialization;

/// <summary>A generated model that writes itself as JSON, with no reflection.</summary>
public interface IBoardingModel
{
    /// <summary>Writes the model as one JSON value.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
