namespace Switchboard.Router.Accounts;

/// <summary>One parsed CSV line <c>user,domain,password</c>; fields may be quoted ("a,b", "" escapes a quote).</summary>
internal readonly record struct AccountCsvLine(string User, string Domain, string Password)
{
    public static bool IsHeader(string line) =>
        line.Trim().Equals("user,domain,password", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string line, out AccountCsvLine parsed, out string error)
    {
        parsed = default;
        var fields = new List<string>(3);
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                    field.Append(line[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        error = quoted ? "unterminated quote"
            : fields.Count != 3 ? $"expected 3 fields (user,domain,password), found {fields.Count}"
            : "";
        if (error.Length > 0)
            return false;
        var user = fields[0].Trim();
        var domain = AccountNames.NormalizeDomain(fields[1]);
        error = !AccountNames.IsValidUser(user) ? $"invalid user '{user}'"
            : !AccountNames.IsValidDomain(domain) ? $"invalid domain '{domain}'"
            : fields[2].Length == 0 ? "empty password"
            : "";
        parsed = new AccountCsvLine(user, domain, fields[2]);
        return error.Length == 0;
    }
}
