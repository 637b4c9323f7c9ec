import { Injectable } from '@nestjs/common';
import { Subject } from '@aip/contracts';
import { EmbeddingClient } from '../clients/embedding.client';
import { InferenceClient } from '../clients/inference.client';
import { findModel, mergeCatalog, type CatalogModel } from './ollama-models';

/** Ollama lists every model in one list; here they come from two services. */
@Injectable()
export class OllamaCatalog {
  constructor(
    private readonly inference: InferenceClient,
    private readonly embeddings: EmbeddingClient,
  ) {}

  /**
   * A deployment may run without one of the services (GATEWAY_REQUIRED_SERVICES), so the list
   * holds the models of those that answer; it fails only when neither does.
   */
  async models(): Promise<CatalogModel[]> {
    const [generation, embedding] = await Promise.allSettled([
      this.inference.request(Subject.InferenceModels, {}),
      this.embeddings.request(Subject.EmbeddingModels, {}),
    ]);
    if (generation.status === 'rejected' && embedding.status === 'rejected')
      throw generation.reason;
    return mergeCatalog(
      generation.status === 'fulfilled' ? generation.value : [],
      embedding.status === 'fulfilled' ? embedding.value : [],
    );
  }

  async find(requested: string): Promise<CatalogModel> {
    return findModel(await this.models(), requested);
  }
}
