namespace SimCaller.Accounts;

/// <summary>Bad input to an account operation (an unusable email, a short password, a taken email); the message says what to fix.</summary>
public class AccountException(string message) : Exception(message);

/// <summary>No such account in the caller's organisation. Another organisation's accounts are reported the same way, so nothing leaks.</summary>
public sealed class AccountNotFoundException(string accountId) : AccountException($"There is no account '{accountId}'.");

/// <summary>The caller's role may not do this.</summary>
public sealed class AccountAccessDeniedException(string message) : AccountException(message);

/// <summary>Another account already has this email (emails are unique across the deployment).</summary>
public sealed class DuplicateEmailException(string email) : AccountException($"An account with the email '{email}' already exists.");
