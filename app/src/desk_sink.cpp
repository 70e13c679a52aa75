#include "desk_sink.h"

#include "mailroom/distributed/desk_delivery.h"

namespace mailroom::app {

std::shared_ptr<review::PostkorbSink> MakeDeskSink(const transport::ConnectOptions& broker, const std::string& prefix) {
  distributed::DeskDeliveryOptions options;
  options.connect = broker;
  options.topology = distributed::Topology(prefix);
  return std::make_shared<distributed::QueuePostkorbSink>(std::move(options));
}

}  // namespace mailroom::app
