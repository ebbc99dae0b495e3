/** Strings an attacker tries in any text field: SQL and HTML/script injection, control and odd Unicode. */
export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "1; DROP TABLE \"Order\"; --",
  "\") UNION SELECT * FROM \"Session\" --",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "%00\u0000null",
  "\u202e\ufeffbidi",
  "../../etc/passwd",
  "gid://shopify/Order/1' OR 1=1",
] as const;

/** Raw markup that must never reach an HTML response unescaped. */
export const RAW_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"] as const;
