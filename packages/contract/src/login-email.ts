// The e-mail a user signs up and logs in with, as compared: zod-free, so the web's forms use it too.
export const loginEmail = (typed: string) => typed.trim().toLowerCase();
