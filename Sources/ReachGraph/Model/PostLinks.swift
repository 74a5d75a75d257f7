/// The links between posts as indices into ``Dataset/posts``, resolved once from the id strings.
///
/// −1 means the post names no such link, −2 that it names a post not in the data.
struct PostLinks: Sendable {
    /// The post each post reposts (`parent_post`).
    let parent: [Int32]
    /// The post each post points up to: its `root_post` when given (and not itself), else its parent.
    let link: [Int32]

    init(posts: [Post], ids: IdentifierTable) {
        func index(_ id: String?) -> Int32 {
            guard let id else { return -1 }
            return ids.index(of: id) ?? -2
        }
        var parent = [Int32](repeating: -1, count: posts.count)
        var link = [Int32](repeating: -1, count: posts.count)
        for (position, post) in posts.enumerated() {
            parent[position] = index(post.parentPost)
            if let root = post.rootPost, root != post.postID {
                link[position] = index(root)
            } else {
                link[position] = parent[position]
            }
        }
        self.parent = parent
        self.link = link
    }

    /// Links of posts whose ids are unique (as ``Dataset`` keeps them).
    init(posts: [Post]) {
        var ids = IdentifierTable(capacity: posts.count)
        for post in posts { _ = ids.intern(post.postID) }
        self.init(posts: posts, ids: ids)
    }
}

extension Dataset {
    /// The post links, from the load when the posts came through it, else resolved now.
    var resolvedPostLinks: PostLinks {
        if let postLinks, postLinks.parent.count == posts.count { return postLinks }
        return PostLinks(posts: posts)
    }
}
