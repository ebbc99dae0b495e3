import { LoginErrorType, type LoginError } from "@shopify/shopify-app-remix/server";

/** Messages for the login form's fields; empty when the shop domain was accepted. */
export interface LoginFieldErrors {
  shop?: string;
}

const MESSAGES: Record<LoginErrorType, string> = {
  [LoginErrorType.MissingShop]: "Enter your store's domain to log in.",
  [LoginErrorType.InvalidShop]: "Enter a valid store domain, like example.myshopify.com.",
};

/** Turns what `login()` reports into a message per form field. */
export function loginFieldErrors(error: LoginError): LoginFieldErrors {
  return error.shop ? { shop: MESSAGES[error.shop] } : {};
}
