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
import {
  MAX_NAMESPACES,
  TARGET_NAME,
  TARGET_NAME_MESSAGE,
  type ClusterTarget,
} from '../source-targets';
import { DEFAULT_KINDS, NEVER_INDEXED, RESOURCE_KINDS } from './resource-kinds';

const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** What a `kubernetes` source mirrors of its cluster. */
export class KubernetesOptions {
  /** Namespaces to mirror; every namespace (the cluster allows) when empty. */
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

/** A `kubernetes` source as the API takes it: a cluster the operator declared, by name. */
export class KubernetesSourceSettings extends KubernetesOptions {
  @Matches(TARGET_NAME, { message: `cluster ${TARGET_NAME_MESSAGE}` })
  cluster!: string;
}

/** A `kubernetes` source as it runs: how to reach its cluster comes from the operator's settings. */
export type KubernetesSettings = KubernetesOptions & { target: ClusterTarget };
