import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { DEFAULT_KINDS, NEVER_INDEXED, RESOURCE_KINDS } from './resource-kinds';

const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const MAX_NAMESPACES = 256;

/** Settings of a `kubernetes` source. Without server or kubeconfig: in-cluster, else ~/.kube/config. */
export class KubernetesSettings {
  /** API server URL reached without client certificates (in-cluster proxy, kubectl proxy). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'server must be an http:// or https:// URL' })
  server?: string;

  /** File holding a bearer token for `server` (a mounted service-account token). */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  token_file?: string;

  /** A kubeconfig file, and optionally which of its contexts to use. */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  kubeconfig?: string;

  @IsOptional()
  @IsString()
  @MaxLength(253)
  context?: string;

  /** Namespaces to mirror; every namespace when empty. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NAMESPACES, { message: `namespaces must hold at most ${MAX_NAMESPACES} names` })
  @Matches(NAMESPACE, { each: true, message: 'namespaces must be Kubernetes namespace names' })
  namespaces: string[] = [];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NAMESPACES, {
    message: `exclude_namespaces must hold at most ${MAX_NAMESPACES} names`,
  })
  @Matches(NAMESPACE, { each: true, message: 'exclude_namespaces must be namespace names' })
  exclude_namespaces: string[] = ['kube-system'];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RESOURCE_KINDS.length)
  @IsIn(RESOURCE_KINDS.map((resource) => resource.kind), {
    each: true,
    message: `kinds must be among: ${RESOURCE_KINDS.map((r) => r.kind).join(', ')} (${NEVER_INDEXED.join(' and ')} are never indexed)`,
  })
  kinds: string[] = DEFAULT_KINDS;

  /** A label selector (`app=web,tier!=cache`) every listed and watched resource must match. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  label_selector?: string;

  /** Secrets are indexed only with this set, and then only their keys: values are redacted. */
  @IsOptional()
  @IsBoolean({ message: 'include_secrets must be true or false' })
  include_secrets = false;
}
