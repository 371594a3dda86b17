"""E-mail outbox: mails are rows written with the change that causes them."""
