import { Injectable } from '@nestjs/common';
import { Subject, type InferenceModelInfo } from '@aip/contracts';
import { InferenceClient } from '../clients/inference.client';
import { findModel, systemFingerprintOf } from './openai-models';

/** How long a fingerprint lookup reuses the model list: a model changes only at a restart. */
const FINGERPRINT_LIST_MS = 10_000;

/** The inference service's generation models, as the OpenAI routes list and fingerprint them. */
@Injectable()
export class OpenAiModelCatalog {
  private recent: { at: number; models: Promise<InferenceModelInfo[]> } | undefined;

  constructor(private readonly inference: InferenceClient) {}

  models(): Promise<InferenceModelInfo[]> {
    return this.inference.request(Subject.InferenceModels, {});
  }

  async find(requested: string): Promise<InferenceModelInfo> {
    return findModel(await this.models(), requested);
  }

  /**
   * The `system_fingerprint` of the model a request names, or null when it cannot be told (the
   * request then fails or succeeds on its own; a missing fingerprint should not fail it).
   */
  async fingerprintOf(requested: string | undefined): Promise<string | null> {
    try {
      const now = Date.now();
      if (this.recent === undefined || now - this.recent.at > FINGERPRINT_LIST_MS) {
        this.recent = { at: now, models: this.models() };
      }
      return systemFingerprintOf(findModel(await this.recent.models, requested));
    } catch {
      this.recent = undefined;
      return null;
    }
  }
}
