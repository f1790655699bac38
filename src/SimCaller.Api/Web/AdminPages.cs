using System.Text;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// /admin/users: an organisation admin lists the accounts of their organisation, invites (a new account with a
/// one-time temporary password, shown once and never stored in clear), deactivates and resets passwords.
/// Everything goes through <see cref="AccountService"/>, which limits an admin to their own organisation;
/// anyone but an admin gets 403.
/// </summary>
internal static class AdminPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/users").RequireAuthorization(WebAccess.AccountPolicy);
        admin.MapGet("", ListAsync);
        admin.MapPost("", InviteAsync);
        admin.MapPost("/{id}/deactivate", DeactivateAsync);
        admin.MapPost("/{id}/reset", ResetAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, AccountService accounts) =>
        http.User.Caller() is { Role: Role.Admin } admin
            ? await ListPageAsync(http, accounts, admin, StatusCodes.Status200OK)
            : Forbidden(http);

    private static async Task<IResult> InviteAsync(HttpContext http, AccountService accounts)
    {
        if (http.User.Caller() is not { Role: Role.Admin } admin)
        {
            return Forbidden(http);
        }
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        string email = form["email"].ToString(), roleId = form["role"].ToString();
        if (!RoleIds.TryParse(roleId, out var role))
        {
            return await ListPageAsync(http, accounts, admin, StatusCodes.Status400BadRequest, error: $"Choose a role: {string.Join(", ", RoleIds.All)}.", email: email);
        }
        try
        {
            var invitation = await accounts.InviteAsync(admin, email, role, http.RequestAborted);
            return Secret(http, "Account created",
                $"{invitation.Account.Email} can now sign in as {RoleName(role).ToLowerInvariant()}.", invitation.Account.Email, invitation.TemporaryPassword);
        }
        catch (AccountException e)
        {
            return await ListPageAsync(http, accounts, admin, e is DuplicateEmailException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, error: e.Message, email: email);
        }
    }

    private static async Task<IResult> DeactivateAsync(string id, HttpContext http, AccountService accounts)
    {
        if (http.User.Caller() is not { Role: Role.Admin } admin)
        {
            return Forbidden(http);
        }
        if (await PageForms.ReadValidAsync(http) is null)
        {
            return PageForms.Expired(http);
        }
        try
        {
            var account = await accounts.DeactivateAsync(admin, id, http.RequestAborted);
            return await ListPageAsync(http, accounts, admin, StatusCodes.Status200OK, notice: $"{account.Email} is deactivated: they are signed out everywhere and cannot sign in. Reset their password to let them back in.");
        }
        catch (AccountNotFoundException)
        {
            return NotFound(http, "account");
        }
        catch (AccountException e)
        {
            return await ListPageAsync(http, accounts, admin, StatusCodes.Status400BadRequest, error: e.Message);
        }
    }

    private static async Task<IResult> ResetAsync(string id, HttpContext http, AccountService accounts)
    {
        if (http.User.Caller() is not { Role: Role.Admin } admin)
        {
            return Forbidden(http);
        }
        if (await PageForms.ReadValidAsync(http) is null)
        {
            return PageForms.Expired(http);
        }
        try
        {
            var account = await accounts.FindAsync(id, http.RequestAborted);
            var password = await accounts.ResetPasswordAsync(admin, id, ct: http.RequestAborted);
            return Secret(http, "Password reset",
                $"The old password of {account!.Email} no longer works, they are signed out everywhere, and the account is active.", account.Email, password);
        }
        catch (AccountNotFoundException)
        {
            return NotFound(http, "account");
        }
        catch (AccountException e)
        {
            return await ListPageAsync(http, accounts, admin, StatusCodes.Status400BadRequest, error: e.Message);
        }
    }

    /// <summary>The temporary password, shown this once (not cached, not stored in clear anywhere).</summary>
    private static IResult Secret(HttpContext http, string title, string what, string email, string password)
    {
        var body = $"""
            <section class="card narrow">
              <h1>{E(title)}</h1>
              <p>{E(what)}</p>
              <dl class="secret">
                <dt>Email</dt><dd id="invite-email">{E(email)}</dd>
                <dt>Temporary password</dt><dd><code id="temporary-password">{E(password)}</code></dd>
              </dl>
              <p class="aside">This password is shown only now: copy it and give it to them in person or through a channel you trust. SimCaller keeps only a salted hash of it. If it gets lost, reset the password again.</p>
              <p><a class="button primary" href="/admin/users">Back to users</a></p>
            </section>
            """;
        return Page(http, title, body, noStore: true);
    }

    private static async Task<IResult> ListPageAsync(HttpContext http, AccountService accounts, Caller admin, int status, string? error = null, string? notice = null, string? email = null)
    {
        var list = await accounts.ListAsync(admin, http.RequestAborted);
        var organisation = await accounts.FindOrganisationAsync(admin.OrganisationId, http.RequestAborted);
        var now = DateTimeOffset.UtcNow;
        var rows = new StringBuilder();
        foreach (var account in list.OrderBy(a => a.Email, StringComparer.Ordinal))
        {
            var state = !account.Active ? "<span class=\"badge off\">deactivated</span>"
                : account.IsLockedOut(now) ? $"<span class=\"badge warn\">locked until {E(When(account.LockedUntil!.Value))}</span>"
                : "<span class=\"badge on\">active</span>";
            var path = $"/admin/users/{Uri.EscapeDataString(account.Id)}";
            var actions = new StringBuilder();
            actions.Append($"<form method=\"post\" action=\"{E(path)}/reset\">{AntiforgeryInput(http)}<button type=\"submit\" class=\"small\">Reset password</button></form>");
            if (account.Id != admin.AccountId && account.Active)
            {
                actions.Append($"<form method=\"post\" action=\"{E(path)}/deactivate\">{AntiforgeryInput(http)}<button type=\"submit\" class=\"small danger\">Deactivate</button></form>");
            }
            rows.Append($"<tr data-email=\"{E(account.Email)}\"><td>{E(account.Email)}{(account.Id == admin.AccountId ? " <span class=\"muted\">(you)</span>" : "")}</td>" +
                        $"<td>{E(RoleName(account.Role))}</td><td>{state}</td><td>{E(When(account.CreatedAt))}</td><td class=\"actions\">{actions}</td></tr>");
        }
        var roles = string.Concat(RoleIds.All.Select(id =>
        {
            RoleIds.TryParse(id, out var role);
            return $"<option value=\"{E(id)}\"{(role == Role.Trainee ? " selected" : "")}>{E(RoleName(role))}</option>";
        }));
        var body = $"""
            <h1>Users of {E(organisation?.Name ?? "your organisation")}</h1>
            {(error is null ? "" : $"<p class=\"alert\" role=\"alert\" id=\"admin-error\">{E(error)}</p>")}
            {(notice is null ? "" : $"<p class=\"notice\" role=\"status\" id=\"admin-notice\">{E(notice)}</p>")}
            <section class="card">
              <h2>Add a user</h2>
              <form method="post" action="/admin/users" class="inline" id="invite-form">
                {AntiforgeryInput(http)}
                <label>Email <input type="email" name="email" required value="{E(email)}" placeholder="name@example.com"></label>
                <label>Role <select name="role">{roles}</select></label>
                <button type="submit" class="primary">Add user</button>
              </form>
              <p class="aside">Trainees practise and see their own calls. Trainers and hiring managers see every call of the organisation. Admins also manage users. The new user gets a temporary password, shown to you once.</p>
            </section>
            <section class="card">
              <h2>Users</h2>
              <table class="users" id="users"><thead><tr><th>Email</th><th>Role</th><th>Status</th><th>Added</th><th></th></tr></thead><tbody>{rows}</tbody></table>
            </section>
            """;
        return Page(http, "Users", body, status);
    }
}
