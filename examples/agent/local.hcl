# The db-creds scenario on a laptop, against the project's Vault test server
# (`npm run vault-test-server`, which writes the AppRole files into examples/agent/run/).
# The Vault address comes from VAULT_ADDR, as for Vault Agent.

auto_auth {
  method "approle" {
    config = {
      role_id_file_path                   = "examples/agent/run/role-id"
      secret_id_file_path                 = "examples/agent/run/secret-id"
      remove_secret_id_file_after_reading = false
    }
  }

  sink "file" {
    config = {
      path = "examples/agent/run/vault-token"
    }
  }
}

template_config {
  exit_on_retry_failure = true
}

template {
  destination = "examples/agent/run/db-creds"
  contents    = <<-EOT
    {{- with secret "database/creds/my-app-db-role" -}}
    export DB_USER="{{ .Data.username }}" DB_PASSWORD="{{ .Data.password }}"
    {{- end }}
    EOT
  perms       = "0600"
  command     = "echo \"$(date -u +%T) new credentials\" >> examples/agent/run/app-reloads.log"
}
