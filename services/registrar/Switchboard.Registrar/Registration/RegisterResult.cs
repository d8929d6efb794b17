namespace Switchboard.Registrar.Registration;

/// <summary>The registrar's answer to a REGISTER: what the host puts in the response.</summary>
/// <param name="Contacts">For a 200: every current binding, each with its remaining expiry.</param>
/// <param name="MinExpires">For a 423: the Min-Expires value (also in <paramref name="Headers"/>).</param>
/// <param name="Headers">Headers to add (Date, Min-Expires, Path, Require, Unsupported), in order.</param>
public sealed record RegisterResult(
    int StatusCode,
    string ReasonPhrase,
    IReadOnlyList<RegisteredContact> Contacts,
    long? MinExpires,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public static RegisterResult Fail(int statusCode, string reasonPhrase, params KeyValuePair<string, string>[] headers) =>
        new(statusCode, reasonPhrase, [], null, headers);

    public static RegisterResult IntervalTooBrief(long minExpires) =>
        new(423, "Interval Too Brief", [], minExpires, [new("Min-Expires", minExpires.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }
}
