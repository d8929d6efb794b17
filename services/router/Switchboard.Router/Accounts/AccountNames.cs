namespace Switchboard.Router.Accounts;

/// <summary>Validation and normalisation shared by the stores and the CSV import.</summary>
internal static class AccountNames
{
    public static string NormalizeDomain(string domain) => domain.Trim().ToLowerInvariant();

    public static bool IsValidUser(string user) =>
        user.Length is > 0 and <= 256 && user.AsSpan().IndexOfAny(" \t\r\n@:;<>\"") < 0;

    public static bool IsValidDomain(string domain) =>
        domain.Length is > 0 and <= 253 && domain.AsSpan().IndexOfAny(" \t\r\n@;<>\"/*") < 0;
}
