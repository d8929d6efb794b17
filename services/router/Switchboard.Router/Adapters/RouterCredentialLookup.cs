using Switchboard.Contracts.Routing;
using Switchboard.Router.Accounts;

namespace Switchboard.Router.Adapters;

/// <summary><see cref="ICredentialLookup"/> over the account store (the all-in-one host and the gRPC server use it).</summary>
public sealed class RouterCredentialLookup(IAccountStore accounts) : ICredentialLookup
{
    public ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        var account = accounts.FindAccount(user, domain);
        return ValueTask.FromResult(account is null
            ? null
            : new AccountCredentials(account.User, account.Domain, account.Ha1Md5, account.Ha1Sha256));
    }
}
