//! Graph algorithms over the prerequisite lists (`edges[skill]` = the skills it requires).
//! Iterative, so a 10,000-skill chain cannot overflow the stack.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet, VecDeque};

/// Strongly connected components (Tarjan's algorithm, iterative).
pub fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0)];
        while let Some(&mut (node, ref mut next)) = work.last_mut() {
            if *next == 0 && order[node] == UNSEEN {
                order[node] = counter;
                low[node] = counter;
                counter += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&target) = edges[node].get(*next) {
                *next += 1;
                if order[target] == UNSEEN {
                    work.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(order[target]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}

/// A shortest cycle from `start` back to itself inside `component`: `[start, .., start]`.
pub fn shortest_cycle(edges: &[Vec<usize>], start: usize, component: &[usize]) -> Vec<usize> {
    if edges[start].contains(&start) {
        return vec![start, start];
    }
    let inside: HashSet<usize> = component.iter().copied().collect();
    let mut came_from = std::collections::HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if next == start {
                // Walk back to `start`, then read the walk forwards and close the loop.
                let mut walk = vec![node];
                let mut at = node;
                while at != start {
                    at = came_from[&at];
                    walk.push(at);
                }
                walk.reverse();
                walk.push(start);
                return walk;
            }
            if inside.contains(&next) && !came_from.contains_key(&next) && next != start {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    vec![start, start]
}

/// `members` in an order where each comes after the members it requires; ties (and anything
/// left by a cycle) keep their given order.
pub fn topological(members: &[usize], edges: &[Vec<usize>]) -> Vec<usize> {
    let position: std::collections::HashMap<usize, usize> = members.iter().enumerate().map(|(i, &m)| (m, i)).collect();
    let mut waiting_on = vec![0usize; members.len()];
    let mut dependants = vec![Vec::new(); members.len()];
    for (i, &member) in members.iter().enumerate() {
        for required in &edges[member] {
            if let Some(&j) = position.get(required) {
                waiting_on[i] += 1;
                dependants[j].push(i);
            }
        }
    }
    let mut ready: BinaryHeap<Reverse<usize>> =
        (0..members.len()).filter(|&i| waiting_on[i] == 0).map(Reverse).collect();
    let mut placed = vec![false; members.len()];
    let mut out = Vec::with_capacity(members.len());
    while let Some(Reverse(i)) = ready.pop() {
        placed[i] = true;
        out.push(members[i]);
        for &d in &dependants[i] {
            waiting_on[d] -= 1;
            if waiting_on[d] == 0 {
                ready.push(Reverse(d));
            }
        }
    }
    out.extend((0..members.len()).filter(|&i| !placed[i]).map(|i| members[i]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cycles_and_prints_them_in_requirement_order() {
        // 0 requires 1, 1 requires 2, 2 requires 0; 3 is alone.
        let edges = vec![vec![1], vec![2], vec![0], vec![]];
        let components = strongly_connected(&edges);
        let big: Vec<_> = components.iter().filter(|c| c.len() > 1).collect();
        assert_eq!(big.len(), 1);
        assert_eq!(shortest_cycle(&edges, 0, big[0]), vec![0, 1, 2, 0]);
    }

    #[test]
    fn a_self_requirement_is_a_cycle_of_one() {
        let edges = vec![vec![0]];
        assert_eq!(shortest_cycle(&edges, 0, &[0]), vec![0, 0]);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let edges: Vec<Vec<usize>> = (0..100_000).map(|i| if i == 0 { vec![] } else { vec![i - 1] }).collect();
        assert_eq!(strongly_connected(&edges).len(), 100_000);
    }

    #[test]
    fn topological_order_puts_prerequisites_first_and_keeps_ties() {
        // 0 requires 2; 1 free; 2 free.
        let edges = vec![vec![2], vec![], vec![]];
        assert_eq!(topological(&[0, 1, 2], &edges), vec![1, 2, 0]);
    }
}
