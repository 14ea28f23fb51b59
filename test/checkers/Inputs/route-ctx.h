// A struct whose definition other files see: any of them may store a
// descriptor of its own choosing in 'sock'.
struct shared_route {
  int sock;
  unsigned seq;
};
