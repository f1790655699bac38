using System.CommandLine;
using System.Text.Json;
using SimCaller.Accounts;
using SimCaller.Cli.Hosting;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller users add`: makes accounts on the server, the first admin of an organisation this way.</summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions global) =>
        new("users", "Accounts for the web pages and the HTTP API")
        {
            Add(global),
        };

    private static Command Add(GlobalOptions global)
    {
        var email = new Option<string>("--email") { Description = "The account's email; it signs in with it", Required = true, HelpName = "EMAIL" };
        var role = new Option<string>("--role") { Description = "admin, trainer, hiring or trainee", Required = true, HelpName = "ROLE" };
        role.AcceptOnlyFromAmong([.. RoleIds.All]);
        var organisation = new Option<string>("--org")
        {
            Description = "The organisation's name; a new name makes the organisation ('Default' owns everything made before organisations)",
            Required = true,
            HelpName = "NAME",
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (first line)" };
        var json = new Option<bool>("--json") { Description = "Print the new account as JSON" };
        var command = new Command("add", "Add an account to an organisation") { email, role, organisation, passwordStdin, json };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            if (!parse.GetValue(passwordStdin))
            {
                throw new UsageException("give the password on standard input with --password-stdin (a flag would leave it in the shell history), e.g. printf '%s\\n' \"$PW\" | simcaller users add ...");
            }
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
            if (password.Length == 0)
            {
                throw new UsageException("no password on standard input.");
            }
            RoleIds.TryParse(parse.GetValue(role), out var chosen);
            try
            {
                var (account, org, created) = await services.Get<AccountService>()
                    .CreateAsync(parse.GetValue(organisation)!, parse.GetValue(email)!, chosen, password, ct);
                if (parse.GetValue(json))
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["id"] = account.Id,
                        ["email"] = account.Email,
                        ["role"] = account.Role.ToId(),
                        ["organisation"] = org.Name,
                        ["organisation_id"] = org.Id,
                        ["organisation_created"] = created,
                    }, CliJson.Indented));
                }
                else
                {
                    await Console.Out.WriteLineAsync(account.Id);
                }
                await Console.Error.WriteLineAsync(
                    $"Added {account.Role.ToId()} {account.Email} to {(created ? "the new organisation" : "organisation")} '{org.Name}'.");
                return ExitCodes.Ok;
            }
            catch (DuplicateEmailException e)
            {
                await Console.Error.WriteLineAsync($"simcaller: {e.Message}");
                return ExitCodes.Failure;
            }
            catch (AccountException e)
            {
                throw new UsageException(e.Message);
            }
        }));
        return command;
    }
}
