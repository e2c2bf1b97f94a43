# Vault Agent config for the db-creds scenario, as the agent sidecar of the app's pod runs it:
# kubernetes auth, the token sink the injector uses, and /vault/secrets/db-creds holding
#   export DB_USER="..." DB_PASSWORD="..."
# from database/creds/my-app-db-role. agent.json is the same config in the JSON form the
# vault-k8s injector generates; local.hcl is the variant the README walkthrough runs on a laptop.

vault {
  address = "https://vault.vault.svc:8200"
  ca_cert = "/vault/tls/ca.crt"
  retry {
    num_retries = 12
  }
}

auto_auth {
  method "kubernetes" {
    mount_path = "auth/kubernetes"
    config = {
      role = "my-app"
    }
  }

  sink "file" {
    config = {
      path = "/home/vault/.vault-token"
    }
  }
}

exit_after_auth = false

template_config {
  exit_on_retry_failure         = true
  static_secret_render_interval = "5m"
}

template {
  destination = "/vault/secrets/db-creds"
  contents    = <<-EOT
    {{- with secret "database/creds/my-app-db-role" -}}
    export DB_USER="{{ .Data.username }}" DB_PASSWORD="{{ .Data.password }}"
    {{- end }}
    EOT
  perms       = "0440"
  command     = "pkill -HUP -f my-app || true"
}
