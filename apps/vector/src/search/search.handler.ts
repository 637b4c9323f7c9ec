import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SearchBatchRequest, SearchPointsRequest, Subject } from '@aip/contracts';
import { CachedRead } from '../cache/cache.decorators';
import { SearchService } from './search.service';
import { Handles } from '@aip/platform';

/** Search over NATS: replies depend only on the payload and the collection, so they are cached. */
@Controller()
export class SearchHandler {
  constructor(private readonly searches: SearchService) {}

  @Handles(Subject.VectorPointsSearch)
  @CachedRead()
  search(@Payload() request: SearchPointsRequest) {
    return this.searches.search(request);
  }

  @Handles(Subject.VectorPointsSearchBatch)
  @CachedRead()
  searchBatch(@Payload() request: SearchBatchRequest) {
    return this.searches.searchBatch(request);
  }
}
