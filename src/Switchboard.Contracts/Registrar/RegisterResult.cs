namespace Switchboard.Contracts.Registrar;

/// <summary>The registrar's answer to a REGISTER: what the SIP core puts in the response.</summary>
/// <param name="Contacts">For a 2xx: every current binding with its remaining expiry.</param>
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

    public static RegisterResult Fail(int statusCode, string reasonPhrase) => new(statusCode, reasonPhrase, [], null, []);
}
